/// The report's style sheet: inline, fonts named by family only (Debian ships them: DejaVu Sans in
/// `fonts-dejavu-core`, Noto Naskh Arabic in `fonts-noto-core`), and an A4 print layout.
enum ReportStyle {
    static let css = """
    :root { --ink: #263238; --muted: #607d8b; --rule: #cfd8dc; --alert: #b71c1c; --ok: #1b5e20; }
    html { font-family: "DejaVu Sans", "Noto Sans", sans-serif; color: var(--ink); background: #ffffff; font-size: 14px; line-height: 1.45; }
    [lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", sans-serif; font-size: 15px; }
    body { margin: 0; }
    article.report { max-width: 250mm; margin: 0 auto; padding: 12mm 10mm; }
    article.report + article.report { border-top: 3px solid var(--rule); }
    header h1 { font-size: 1.7em; margin: 0 0 0.2em; color: #0d47a1; }
    .subtitle { color: var(--muted); margin: 0 0 1em; }
    h2 { font-size: 1.3em; border-bottom: 2px solid #1565c0; padding-bottom: 0.15em; margin: 1.4em 0 0.5em; color: #0d47a1; }
    h3 { font-size: 1.1em; margin: 1em 0 0.4em; }
    h4 { font-size: 1em; margin: 0.9em 0 0.3em; }
    table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.6em; font-size: 0.8em; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.2em 0.35em; text-align: start; vertical-align: top; }
    th { background: #eceff1; font-weight: bold; }
    td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tfoot td { font-weight: bold; border-top: 2px solid var(--muted); }
    caption { text-align: start; font-weight: bold; padding: 0.2em 0; }
    .note, figcaption { color: var(--muted); font-size: 0.85em; }
    figcaption.title { color: var(--ink); font-weight: bold; font-size: 0.95em; }
    figure { margin: 0.6em 0 1em; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg.picture { width: 100%; height: auto; display: block; }
    figure.load-picture { break-inside: avoid; }
    figure.load-change { break-inside: auto; }
    figure.load-change > div { break-inside: avoid; }
    p.run { font-weight: bold; font-size: 0.9em; margin: 0.4em 0 0.2em; }
    @media screen and (min-width: 1100px) {
      figure.load-change:not(.wide) { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5em; align-items: start; }
      figure.load-change > figcaption { grid-column: 1 / -1; }
    }
    .alert { color: var(--alert); font-weight: bold; }
    .ok { color: var(--ok); }
    .key { color: var(--muted); font-size: 0.85em; }
    .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-inline-end: 0.3em; border: 1px solid #90a4ae; vertical-align: -0.05em; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
    ul.changes, ul.differences { margin: 0.2em 0; padding-inline-start: 1.2em; }
    footer { margin-top: 2em; color: var(--muted); font-size: 0.8em; border-top: 1px solid var(--rule); }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      html { font-size: 10pt; }
      [lang="ar"] { font-size: 11pt; }
      table { font-size: 7.5pt; }
      article.report { max-width: none; padding: 0; margin: 0; }
      svg.picture { max-height: 240mm; }
      article.report + article.report { break-before: page; border-top: none; }
      h2, h3, h4 { break-after: avoid; }
      figure, tr, .section-run table { break-inside: avoid; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
    }

    """
}

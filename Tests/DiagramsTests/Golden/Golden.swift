/// Golden DOT texts: the exact bytes the network diagram gives for ``Fixtures/smallYAML``. Goldens are
/// string literals (not resource files) so that the test target needs no change to Package.swift.
/// After an intended change, regenerate with
/// `carepath render network --network small.yaml --format dot [--collapse --lang both]` and review the diff.
enum Golden {
    static let smallNetworkFR = #"""
digraph "network" {
  graph ["rankdir"="BT", "fontname"="DejaVu Sans", "labelloc"="t", "fontsize"="16", "newrank"="true", "nodesep"="0.3", "ranksep"="0.6", "label"="Petit réseau"];
  node ["fontname"="DejaVu Sans", "fontsize"="11", "style"="filled", "fillcolor"="white"];
  edge ["fontname"="DejaVu Sans", "fontsize"="10"];
  subgraph "cluster_nord" {
    "label"="Région Nord";
    "style"="rounded";
    "color"="#90a4ae";
    "fontname"="DejaVu Sans";
    subgraph "rank:nord:1" {
      "rank"="same";
      "f:cs-nord-1" ["shape"="ellipse", "fillcolor"="#e8f5e9", "label"="CS Nord 1", "tooltip"="cs-nord-1"];
      "f:cs-nord-2" ["shape"="ellipse", "fillcolor"="#e8f5e9", "label"="CS Nord 2", "tooltip"="cs-nord-2"];
    }
    subgraph "rank:nord:2" {
      "rank"="same";
      "f:chp-nord" ["shape"="box", "fillcolor"="#e3f2fd", "label"="CHP Nord", "tooltip"="chp-nord"];
    }
    subgraph "rank:nord:3" {
      "rank"="same";
      "f:chr-nord" ["shape"="box", "peripheries"="2", "fillcolor"="#fff3e0", "label"="CHR Nord", "tooltip"="chr-nord"];
    }
    subgraph "rank:nord:4" {
      "rank"="same";
      "f:chu-nord" ["shape"="doubleoctagon", "fillcolor"="#fce4ec", "label"="CHU Nord", "tooltip"="chu-nord"];
    }
  }
  subgraph "cluster_sud" {
    "label"="Région Sud";
    "style"="rounded";
    "color"="#90a4ae";
    "fontname"="DejaVu Sans";
    subgraph "rank:sud:1" {
      "rank"="same";
      "f:cs-sud" ["shape"="ellipse", "fillcolor"="#e8f5e9", "label"="CS Sud", "tooltip"="cs-sud"];
    }
    subgraph "rank:sud:2" {
      "rank"="same";
      "f:hl-sud" ["shape"="box", "fillcolor"="#e3f2fd", "label"="HL Sud", "tooltip"="hl-sud"];
    }
    subgraph "rank:sud:3" {
      "rank"="same";
      "f:chr-sud" ["shape"="box", "peripheries"="2", "fillcolor"="#fff3e0", "label"="CHR Sud", "tooltip"="chr-sud"];
    }
  }
  "f:chr-nord" -> "f:chu-nord" ["label"="P4", "color"="#ad1457"];
  "f:chp-nord" -> "f:chr-nord" ["label"="P3"];
  "f:cs-nord-1" -> "f:chp-nord" ["label"="P2"];
  "f:cs-nord-2" -> "f:chp-nord" ["label"="P2"];
  "f:chr-sud" -> "f:chu-nord" ["label"="P4", "color"="#ad1457"];
  "f:hl-sud" -> "f:chr-sud" ["label"="P3"];
  "f:cs-sud" -> "f:hl-sud" ["label"="P2"];
}

"""#

    static let smallNetworkCollapsedBoth = #"""
digraph "network" {
  graph ["rankdir"="BT", "fontname"="DejaVu Sans", "labelloc"="t", "fontsize"="16", "newrank"="true", "nodesep"="0.3", "ranksep"="0.6", "label"="Petit réseau\nشبكة صغيرة"];
  node ["fontname"="DejaVu Sans", "fontsize"="11", "style"="filled", "fillcolor"="white"];
  edge ["fontname"="DejaVu Sans", "fontsize"="10"];
  subgraph "cluster_nord" {
    "label"="Région Nord\nجهة الشمال";
    "style"="rounded";
    "color"="#90a4ae";
    "fontname"="DejaVu Sans";
    subgraph "rank:nord:1" {
      "rank"="same";
      "hc:p-nord" ["shape"="box", "fillcolor"="#e8f5e9", "style"="filled,rounded", "label"="2 centres de santé\nعدد المراكز الصحية: 2\nProvince Nord\nإقليم الشمال\npopulation 300,000\nالسكان 300,000"];
    }
    subgraph "rank:nord:2" {
      "rank"="same";
      "f:chp-nord" ["shape"="box", "fillcolor"="#e3f2fd", "label"="CHP Nord\nالمستشفى الإقليمي الشمال", "tooltip"="chp-nord"];
    }
    subgraph "rank:nord:3" {
      "rank"="same";
      "f:chr-nord" ["shape"="box", "peripheries"="2", "fillcolor"="#fff3e0", "label"="CHR Nord\nالمستشفى الجهوي الشمال", "tooltip"="chr-nord"];
    }
    subgraph "rank:nord:4" {
      "rank"="same";
      "f:chu-nord" ["shape"="doubleoctagon", "fillcolor"="#fce4ec", "label"="CHU Nord\nالمستشفى الجامعي الشمال", "tooltip"="chu-nord"];
    }
  }
  subgraph "cluster_sud" {
    "label"="Région Sud\nجهة الجنوب";
    "style"="rounded";
    "color"="#90a4ae";
    "fontname"="DejaVu Sans";
    subgraph "rank:sud:1" {
      "rank"="same";
      "hc:p-sud" ["shape"="box", "fillcolor"="#e8f5e9", "style"="filled,rounded", "label"="1 centre de santé\nعدد المراكز الصحية: 1\nProvince Sud\nإقليم الجنوب\npopulation 100,000\nالسكان 100,000"];
    }
    subgraph "rank:sud:2" {
      "rank"="same";
      "f:hl-sud" ["shape"="box", "fillcolor"="#e3f2fd", "label"="HL Sud\nالمستشفى المحلي الجنوب", "tooltip"="hl-sud"];
    }
    subgraph "rank:sud:3" {
      "rank"="same";
      "f:chr-sud" ["shape"="box", "peripheries"="2", "fillcolor"="#fff3e0", "label"="CHR Sud\nالمستشفى الجهوي الجنوب", "tooltip"="chr-sud"];
    }
  }
  "f:chr-nord" -> "f:chu-nord" ["label"="P4", "color"="#ad1457"];
  "f:chp-nord" -> "f:chr-nord" ["label"="P3"];
  "f:chr-sud" -> "f:chu-nord" ["label"="P4", "color"="#ad1457"];
  "f:hl-sud" -> "f:chr-sud" ["label"="P3"];
  "hc:p-nord" -> "f:chp-nord" ["label"="P2 ×2"];
  "hc:p-sud" -> "f:hl-sud" ["label"="P2 ×1"];
}

"""#
}

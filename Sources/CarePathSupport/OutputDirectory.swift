#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import CCarePathSystem

/// A directory of output files replaced as a set: after any failure or kill, it holds either the
/// complete old files or the complete new ones, never a mix.
///
/// ``init(path:fileNames:)`` creates the directory if needed, checks that it holds nothing but
/// files of the set, and locks it (`flock`) so that a second writer fails at once with a clear
/// message instead of interleaving its files. ``replace(with:)`` writes the new files into a fresh
/// sibling directory with an unpredictable name, flushes them, and exchanges it with the directory
/// in one atomic `renameat2(RENAME_EXCHANGE)`; the old files are then removed. A sibling left by a
/// killed run is removed the next time the directory is locked. The lock is released when the
/// value is released; a directory this value created and never filled is removed then too.
package final class OutputDirectory {
    package let path: String
    private let parent: String
    private let name: String
    private let fileNames: Set<String>
    private let descriptor: Int32
    private let created: Bool
    private var replaced = false

    private typealias Failure = AtomicFile.Failure

    /// Prepares `path` for the files `fileNames`: throws ``AtomicFile/Failure`` with a reason a
    /// person can act on when it cannot be.
    package init(path: String, fileNames: Set<String>) throws {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        self.fileNames = fileNames
        let slash = trimmed.lastIndex(of: "/")
        parent = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
        name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        guard !name.isEmpty, name != ".", name != ".." else {
            throw Failure(path: path, reason: "give the directory by its own name (not '.', '..' or '/'), for example results/run1")
        }
        var info = stat()
        var made = false
        if lstat(trimmed, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFLNK: throw Failure(path: path, reason: "it is a symbolic link; give the directory it points to")
            default: throw Failure(path: path, reason: "it exists and is not a directory (--out names a directory)")
            }
        } else if errno == ENOENT || errno == ENOTDIR {
            try Self.makeDirectories(trimmed, reportedAs: path)
            made = true
        } else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        created = made
        guard access(parent, W_OK | X_OK) == 0 else {
            throw Failure(path: path, reason: "its folder '\(parent)' is not writable (the files are written beside it first, then swapped in)")
        }
        let fd = open(trimmed, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            close(fd)
            throw Failure(path: path, reason: busy ? "another carepath run is writing its results there now; wait for it to finish or give another directory"
                : String(cString: strerror(errno)))
        }
        descriptor = fd
        // A temporary file of an earlier CarePath's (it wrote them into the directory itself) is not foreign.
        let foreign = Self.entries(of: trimmed).filter { entry in
            !fileNames.contains(entry) && !(entry.hasPrefix(".") && entry.hasSuffix(".tmp") && fileNames.contains { entry.hasPrefix(".\($0).") })
        }.sorted()
        guard foreign.isEmpty else {
            close(fd)
            throw Failure(path: path, reason: "it holds files that are not CarePath results (\(foreign.prefix(3).joined(separator: ", "))\(foreign.count > 3 ? ", ..." : "")), which replacing the results would delete: give a new or empty directory")
        }
        for entry in fileNames {
            var entryInfo = stat()
            if lstat(join(trimmed, entry), &entryInfo) == 0, entryInfo.st_mode & S_IFMT != S_IFREG {
                close(fd)
                throw Failure(path: path, reason: "'\(entry)' in it is not a regular file (a directory or link of that name is never replaced)")
            }
        }
        // Under the lock no other run is writing: a sibling left behind is a killed run's.
        for entry in Self.entries(of: parent) where entry.hasPrefix(siblingPrefix) { Self.removeTree(join(parent, entry)) }
    }

    deinit {
        if created, !replaced { rmdir(path) }
        close(descriptor)
    }

    private var siblingPrefix: String { ".\(name.prefix(200)).carepath-" }

    /// Writes `files` (name and text) into a fresh sibling directory and swaps it in for ``path``.
    package func replace(with files: [(name: String, text: String)]) throws {
        var template = Array(join(parent, siblingPrefix + "XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(path: path, reason: "cannot create a directory beside it: \(String(cString: strerror(errno)))")
        }
        let sibling = String(cString: made)
        do {
            var info = stat()
            if stat(path, &info) == 0 { chmod(sibling, info.st_mode & 0o7777) }
            for file in files {
                guard fileNames.contains(file.name) else { throw Failure(path: join(path, file.name), reason: "not one of the directory's files") }
                do { try AtomicFile.write(file.text, to: join(sibling, file.name)) } catch let failure as Failure {
                    throw Failure(path: join(path, file.name), reason: failure.reason)
                }
            }
            Self.sync(sibling)
            guard csystem_exchange(sibling, path) == 0 else {
                throw Failure(path: path, reason: "cannot swap the new results in: \(String(cString: strerror(errno)))")
            }
        } catch {
            Self.removeTree(sibling)
            throw error
        }
        replaced = true
        // The sibling now holds the old files.
        Self.removeTree(sibling)
        Self.sync(parent)
    }

    private func join(_ folder: String, _ entry: String) -> String { folder == "/" ? "/" + entry : folder + "/" + entry }

    private static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // The name in place: a dirent is allocated only as long as its name, so copying the whole
            // 256-byte d_name out of it would read past the end (AddressSanitizer caught it).
            let field = UnsafeMutableRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
            let name = String(cString: field.assumingMemoryBound(to: CChar.self))
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a directory this type made, with the plain files in it (it never holds more).
    private static func removeTree(_ folder: String) {
        for entry in entries(of: folder) { unlink(folder + "/" + entry) }
        rmdir(folder)
    }

    private static func sync(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func makeDirectories(_ path: String, reportedAs original: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
            if mkdir(prefix, 0o777) != 0, errno != EEXIST {
                throw Failure(path: original, reason: "the directory cannot be created: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            guard stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw Failure(path: original, reason: "the directory cannot be created: '\(prefix)' is not a directory")
            }
        }
    }
}

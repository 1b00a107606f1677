#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file whole or not at all, safely where other users can write to the folder.
///
/// The bytes go to a temporary file created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`) under an
/// unpredictable name in the target's folder, are flushed to disk, and the file is renamed over the
/// target. So a reader never sees half a file, a planted symbolic link at the temporary name is never
/// followed, and every failure removes the temporary file. Only a regular file is replaced, and it
/// keeps its permissions; a directory, device, FIFO or symbolic link at the target is refused.
package enum AtomicFile {
    /// A write that did not happen, with a reason a person can act on.
    package struct Failure: Error, CustomStringConvertible, Sendable {
        package let path: String
        package let reason: String
        package var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Replaces (or creates) `path` with `text`, encoded as UTF-8. Throws ``Failure``.
    package static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { bytes in try write(bytes: UnsafeRawBufferPointer(bytes), to: path) }
    }

    /// Replaces (or creates) `path` with `bytes`. Throws ``Failure``.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { buffer in try write(bytes: buffer, to: path) }
    }

    /// What stands at `path` now, if anything: its permission bits and owner, or why it may not be replaced.
    private static func existing(_ path: String) throws(Failure) -> stat? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info
        case S_IFLNK: throw Failure(path: path, reason: "it is a symbolic link; give the path of the file it points to")
        case S_IFDIR: throw Failure(path: path, reason: "it is a directory")
        default: throw Failure(path: path, reason: "it is not a regular file (a device, FIFO or socket is never replaced)")
        }
    }

    /// Checks, before any work, that `path` could be written: nothing or a regular file there, in a
    /// folder that exists. The write checks again.
    package static func checkReplaceable(_ path: String) throws(Failure) {
        _ = try target(path)
    }

    /// What stands at `path` (nil for nothing), its folder and its name, or why it may not be written.
    private static func target(_ path: String) throws(Failure) -> (old: stat?, folder: String, name: String) {
        let old = try existing(path)
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(path: path, reason: "it names a folder, not a file") }
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            throw Failure(path: path, reason: errno == ENOENT ? "its folder '\(folder)' does not exist" : "its folder '\(folder)': \(String(cString: strerror(errno)))")
        }
        guard folderInfo.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "'\(folder)' is not a folder") }
        return (old, folder, name)
    }

    private static func write(bytes: UnsafeRawBufferPointer, to path: String) throws(Failure) {
        let (old, folder, name) = try target(path)

        var generator = SystemRandomNumberGenerator()
        var temporary = "", descriptor: Int32 = -1
        for _ in 0..<16 {
            let token = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
            temporary = (folder == "/" ? "" : folder) + "/.\(name.prefix(200)).\(token).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        func fail(_ reason: String) -> Failure {
            close(descriptor)
            unlink(temporary)
            return Failure(path: path, reason: reason)
        }
        if let old {
            // The replacement keeps the permissions (and, where allowed, the owner) of the file it replaces.
            _ = fchown(descriptor, old.st_uid, old.st_gid)
            guard fchmod(descriptor, old.st_mode & 0o7777) == 0 else { throw fail(String(cString: strerror(errno))) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw fail(String(cString: strerror(errno)))
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw fail(String(cString: strerror(errno))) }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        // The target may have changed since it was checked: refuse to rename over what is no longer a regular file.
        do { _ = try existing(path) } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

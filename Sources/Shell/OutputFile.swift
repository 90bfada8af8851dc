import Foundation
import Photos

/// Where a command may write a file it makes (`show --out`): never over the photo it reads, and
/// over another existing file only when asked (`--force`).
enum OutputFile {
    /// Throws when writing `path` would replace `input` (the same file by device and inode, links
    /// included), or an existing file without `force`, or anything that is not a regular file.
    static func checkWritable(_ path: String, input: String, force: Bool) throws {
        var target = stat()
        guard stat(path, &target) == 0 else { return }
        var source = stat()
        if stat(input, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino {
            throw ShellError.outputIsInput(path)
        }
        guard (target.st_mode & S_IFMT) == S_IFREG else { throw ShellError.outputNotAFile(path) }
        if !force { throw ShellError.outputExists(path) }
    }

    /// The picture format `path` asks for by its name (`.jpg`/`.jpeg`, `.png`), among `formats`;
    /// throws a message naming the endings that work.
    static func imageFormat(_ path: String, among formats: [ImageFormat]) throws -> ImageFormat {
        guard let format = ImageFormat.forOutput(path: path), formats.contains(format) else {
            throw ShellError.outputImageName(path, formats: formats)
        }
        return format
    }
}

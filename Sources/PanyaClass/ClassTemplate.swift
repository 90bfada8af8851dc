import Foundation
import GRDB
import PanyaSupport
import Session
import Shell

/// The database every new student starts from: the ready-made model `verification001` running,
/// and the class model (trained by panya's engine on the lesson photos, as lesson 5 does) running
/// beside it, so a phone photo that has no recording is still answered. Made once per class
/// folder; each student gets a copy (`VACUUM INTO`), so every student has their own clock,
/// models, register and lesson progress.
struct ClassTemplate {
    /// The template's file.
    let path: String
    /// The class model's ARN (nil when it could not be trained, e.g. the lesson photos are missing).
    var classModelArn: String?

    /// The panya script that prepares the template (the commands a student would type).
    static let startReadyMade = """
    let ready_made = model().arn
    model start
    model wait
    """

    /// The class model: the lesson photos, labelled as lesson 5 labels them (its test set's single
    /// breads and trays with their ground-truth boxes, so the assumed thresholds are the ones a
    /// student's own model gets), trained and started.
    static let trainClassModel = """
    project create class-bakery
    dataset create train
    dataset create test
    dataset add train lessons/photos/train/anpan-*.jpg --label あんぱん
    dataset add train lessons/photos/train/melonpan-*.jpg --label メロンパン
    dataset add train lessons/photos/train/yakisobapan-*.jpg --label 焼きそばパン
    dataset import test lessons/photos/test/singles.manifest
    dataset import test lessons/photos/test/trays.manifest
    dataset add test lessons/photos/test/yakisobapan.jpg
    boxes add lessons/photos/test/yakisobapan.jpg 焼きそばパン --left 0.17 --top 0.56 --width 0.55 --height 0.32
    let class_model = train
    model wait
    model start
    model wait
    model use $ready_made
    """

    /// Opens the template in `folder`, preparing it first when it is missing.
    static func open(folder: String, options: ClassOptions, log: (String) -> Void) throws -> ClassTemplate {
        let path = folder + "/template.sqlite"
        let marker = folder + "/template.model"
        if FileManager.default.fileExists(atPath: path) {
            let arn = (try? String(contentsOfFile: marker, encoding: .utf8)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return ClassTemplate(path: path, classModelArn: arn.flatMap { $0.isEmpty ? nil : $0 })
        }
        log(Catalog.classPreparing.text(options.language))
        let building = folder + "/template.building.sqlite"
        try? FileManager.default.removeItem(atPath: building)
        var arn: String?
        do {
            var shellOptions = ShellOptions()
            shellOptions.mockDirectory = options.mockDirectory
            shellOptions.databasePath = building
            shellOptions.language = options.language
            shellOptions.assetsRoot = options.assetsRoot
            shellOptions.student = "teacher"
            var output = ""
            let session = try ShellSession(options: shellOptions) { output += $0 }
            let startedAt = Date()
            if let diagnostic = session.interpreter.run(source: startReadyMade, file: "<class>") {
                throw ClassError.cannotUseFolder(folder, reason: session.render(diagnostic, source: startReadyMade))
            }
            if !options.trainClassModel {
                _ = session.interpreter.run(source: "model use $ready_made", file: "<class>")
            } else if let diagnostic = session.interpreter.run(source: trainClassModel, file: "<class>") {
                log(Catalog.classModelNotTrained(session.render(diagnostic, source: trainClassModel)).text(options.language))
                // Only the ready-made model then: detection of unrecorded photos says how to make one's own.
                _ = session.interpreter.run(source: "model use $ready_made", file: "<class>")
            } else {
                arn = try session.interpreter.evaluateEntry("class_model.arn").flatMap { if case .string(let text) = $0 { return text } else { return nil } }
                log(Catalog.classModelReady(seconds: Date().timeIntervalSince(startedAt)).text(options.language))
            }
        }
        // The session is closed: copy the file whole, then publish it under its final name.
        let queue = try DatabaseQueue(path: building)
        try? FileManager.default.removeItem(atPath: path + ".tmp")
        try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path + ".tmp"]) }
        try queue.close()
        try? FileManager.default.removeItem(atPath: building)
        try? FileManager.default.removeItem(atPath: building + "-wal")
        try? FileManager.default.removeItem(atPath: building + "-shm")
        try (arn ?? "").write(toFile: marker, atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        return ClassTemplate(path: path, classModelArn: arn)
    }

    /// Makes a new student's database at `destination` as a copy of the template.
    func copy(to destination: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [destination]) }
    }
}

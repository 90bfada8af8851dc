import Foundation
import PanyaLanguage
import PanyaSupport
import Shell

/// The console's buttons as the shell's own commands (a fixed list: the page names an action,
/// never a command line), run through the student's session so the page shows the shell's answer.
enum ConsoleCommand {
    /// The lesson's two schedules (open at 6:30, close at 19:30, Tokyo time): the month page's example.
    static let lessonSchedules = [
        "schedule add open \"cron(30 6 * * ? *)\" start --timezone Asia/Tokyo",
        "schedule add close \"cron(30 19 * * ? *)\" stop --timezone Asia/Tokyo",
    ]

    /// Lesson 5's project from the bundled photos: the training photos boxed by the engine with
    /// their label, the test photos without boxes (the student draws the true ones).
    static let lessonProject = [
        "project create bakery-ai",
        "dataset create train",
        "dataset create test",
        "dataset add train lessons/photos/train/anpan-*.jpg --label あんぱん",
        "dataset add train lessons/photos/train/yakisobapan-*.jpg --label 焼きそばパン",
        "dataset add train lessons/photos/train/melonpan-*.jpg --label メロンパン",
        "dataset add test lessons/photos/test/anpan.jpg lessons/photos/test/melonpan.jpg lessons/photos/test/yakisobapan.jpg",
    ]

    /// The month page's command: its answer is the page's chart and totals.
    static let month = "simulate 30d --json"

    /// The actions the pages may ask for and the command lines each runs.
    static let actions: [String: [String]] = [
        "lesson-project": lessonProject,
        // Versions are named by the simulated minute: a minute passes first, so two trainings never share a name.
        "train": ["clock advance 1m", "train"],
        "wait": ["model wait"],
        "advance-10m": ["clock advance 10m"],
        "advance-1h": ["clock advance 1h"],
        "advance-1d": ["clock advance 1d"],
        "start": ["model start"],
        "stop": ["model stop"],
        "models": ["models"],
        "model": ["model"],
        "bill": ["bill"],
        "clock": ["clock"],
        "evaluation": ["evaluation"],
        "evaluation-json": ["evaluation --json"],
        "schedule": ["schedule"],
        "schedule-lesson": lessonSchedules,
        "schedule-remove": ["schedule remove open", "schedule remove close"],
        "policy": ["policy check lessons/policies/scheduler-policy.json --role-trust lessons/policies/scheduler-trust.json"],
        "policy-single": ["policy check lessons/policies/single-version-policy.json"],
    ]

    /// The command lines of an action, or nil for one not on the list.
    static func lines(for action: String) -> [String]? { actions[action] }

    struct RunJSON: Encodable, Sendable {
        var command: String
        var output: String
        var ok: Bool
    }

    struct StatusJSON: Encodable, Sendable {
        var clock: String
        var model: String
        var bill: String
        var modelRecord: ConsoleValue?
    }

    /// A command's value as the shell shows it (a string as is); a diagnostic becomes a `ConsoleError`.
    static func text(_ session: ShellSession, _ line: String) throws -> String {
        do {
            guard let value = try session.interpreter.evaluateEntry(line, file: "console") else { return "" }
            return session.display(value)
        } catch {
            throw ConsoleError.command(error.text(session.language))
        }
    }

    /// Runs an action in the page's language; a command's own error is part of the answer (ok false).
    static func run(_ session: ShellSession, _ lines: [String], language: UILanguage) throws -> RunJSON {
        let saved = session.language
        session.language = language
        defer { session.language = saved }
        var outputs: [String] = []
        for line in lines {
            do {
                outputs.append(try text(session, line))
            } catch let error as ConsoleError {
                outputs.append(error.message.text(language))
                return RunJSON(command: lines.joined(separator: "\n"), output: outputs.joined(separator: "\n"), ok: false)
            }
        }
        return RunJSON(command: lines.joined(separator: "\n"), output: outputs.joined(separator: "\n"), ok: true)
    }

    /// A command's value as JSON (a record's fields by name, as the language shows them), in the page's language.
    static func value(_ session: ShellSession, _ line: String) throws -> ConsoleValue {
        let value: Value?
        do {
            value = try session.interpreter.evaluateEntry(line, file: "console")
        } catch {
            throw ConsoleError.command(error.text(session.language))
        }
        return ConsoleValue(value ?? .null)
    }

    /// The clock, the model in use and the bill, each as the shell says it (or its error).
    static func status(_ session: ShellSession, language: UILanguage) throws -> StatusJSON {
        StatusJSON(clock: try run(session, ["clock"], language: language).output,
                   model: try run(session, ["model"], language: language).output,
                   bill: try run(session, ["bill"], language: language).output,
                   modelRecord: try? value(session, "model"))
    }
}

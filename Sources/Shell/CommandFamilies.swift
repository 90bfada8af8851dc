import PanyaLanguage

/// The one list of the shell's command families, in the order `help` shows them.
enum CommandFamilies {
    /// Every family, each over the narrow context it needs from `session`.
    static func all(for session: ShellSession) -> [any CommandFamily] {
        [
            ShellFamily(context: session),
            BackendFamily(context: session),
            ModelFamily(context: session),
            ProjectFamily(context: session),
            DatasetFamily(context: session),
            BoxesFamily(context: session),
            TrainingFamily(context: session),
            DetectionFamily(context: session),
            PhotoFamily(context: session, assetsRoot: session.assetsRoot),
            RegisterFamily(context: session),
            ClockFamily(context: session),
            ScheduleFamily(context: session),
            SimulateFamily(context: session),
            PolicyFamily(context: session),
            LessonFamily(context: session),
            RecordingFamily(context: session, recordingsDirectory: session.options.mockDirectory ?? (session.assetsRoot + "/mock-responses")),
        ]
    }
}

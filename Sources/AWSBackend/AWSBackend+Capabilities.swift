import CustomLabels

/// What the live backend can do beyond the calls every backend answers.
extension AWSBackend {
    /// Training on AWS (datasets prepared on the local workbench).
    public var training: (any ModelTraining)? { self }
    /// Recording the service's answers as mock recordings.
    public var responseRecording: (any ResponseRecording)? { self }
    /// The live EventBridge Scheduler.
    public var scheduleService: (any ScheduleService)? { self }
}

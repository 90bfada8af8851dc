import CustomLabels

/// The live service records what the model answers (`record`), through the `Recorder`.
extension AWSBackend: ResponseRecording {
    /// Records each photo's every candidate on `versionArn` under `directory`.
    public func record(photoPaths: [String], versionArn: String, directory: String, keepAccountId: Bool) throws -> RecordingOutcome {
        let result = try Recorder(backend: self).record(photoPaths: photoPaths, versionArn: versionArn, directory: directory, keepAccountId: keepAccountId)
        return RecordingOutcome(detectionFiles: result.detectionFiles, projectFile: result.projectFile, warnings: result.warnings)
    }
}

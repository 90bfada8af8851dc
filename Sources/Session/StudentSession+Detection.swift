import CustomLabels

/// What the model answered for one photo: the version asked and the labels that came back.
public struct PhotoDetection: Sendable, Equatable {
    /// The version's ARN.
    public var modelArn: String
    /// The labels, in the service's order.
    public var labels: [CustomLabel]
}

/// Every candidate the model saw in one photo, with the verdict the service's rules give it.
public struct PhotoInspection: Sendable, Equatable {
    /// The version's ARN.
    public var modelArn: String
    /// Every candidate, highest confidence first.
    public var rows: [Inspection]
}

extension StudentSession {
    /// DetectCustomLabels on the current model. MinConfidence and MaxResults go to the service as
    /// given: the service (or the simulator standing in for it) checks them and applies the thresholds.
    public func detect(photo: String, minConfidence: Double?, maxResults: Int?) throws -> PhotoDetection {
        let arn = try models.currentVersionArn()
        let request = try photoArguments.request(photo, versionArn: arn, minConfidence: minConfidence, maxResults: maxResults)
        return PhotoDetection(modelArn: arn, labels: try backend.detectCustomLabels(request).customLabels)
    }

    /// Every candidate the model saw (the service asked with MinConfidence 0), with the service's
    /// rules applied here under `limits`.
    public func inspect(photo: String, limits: DetectionLimits) throws -> PhotoInspection {
        let arn = try models.currentVersionArn()
        let request = try photoArguments.request(photo, versionArn: arn, minConfidence: 0, maxResults: nil)
        let candidates = try backend.detectCustomLabels(request).customLabels
        return PhotoInspection(modelArn: arn, rows: limits.inspect(candidates, thresholds: try models.thresholds(forModel: arn)))
    }
}

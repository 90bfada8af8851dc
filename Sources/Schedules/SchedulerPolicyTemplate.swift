import CustomLabels

/// The policies the walkthrough (and panya's seed) gives the schedules' role: start, stop and
/// describe every version of one project, and a trust policy for the scheduler.
public enum SchedulerPolicyTemplate {
    /// The permission policy on `project/<name>/*` (so it survives retraining), as JSON text.
    public static func permissionPolicy(partition: String = "aws", region: String, account: String, projectName: String) -> String {
        let resource = "arn:\(partition):rekognition:\(region):\(account):project/\(projectName)/*"
        let statement: JSONValue = .object([
            "Sid": .string("SchedulerStartStopModel"),
            "Effect": .string("Allow"),
            "Action": .array(SchedulerPermissionCheck.requiredActions.map { .string($0) }),
            "Resource": .string(resource),
        ])
        return JSONPrinter.awsCLI(.object(["Version": .string("2012-10-17"), "Statement": .array([statement])]))
    }

    /// The trust policy letting `scheduler.amazonaws.com` assume the role, for `account` only.
    public static func trustPolicy(account: String) -> String {
        let condition: JSONValue = .object(["StringEquals": .object(["aws:SourceAccount": .string(account)])])
        let statement: JSONValue = .object([
            "Effect": .string("Allow"),
            "Principal": .object(["Service": .string(SchedulerPermissionCheck.schedulerService)]),
            "Action": .string("sts:AssumeRole"),
            "Condition": condition,
        ])
        return JSONPrinter.awsCLI(.object(["Version": .string("2012-10-17"), "Statement": .array([statement])]))
    }
}

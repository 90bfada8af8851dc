/// The session gives the training families what they need.
extension ShellSession: TrainingAccess {}

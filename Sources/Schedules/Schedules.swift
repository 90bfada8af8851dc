/// EventBridge Scheduler expressions, time zones and the scheduler's IAM permissions.
public enum Schedules {}

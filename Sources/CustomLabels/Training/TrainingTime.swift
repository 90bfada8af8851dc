import Foundation

/// The simulated clock of training: the new version's name, how long training takes and what is billed.
///
/// Duration: 8 minutes to set up, then 40 seconds per photo (training and test together), at most
/// 24 hours (the service's limit) — `480 + 40 × photos` seconds. The lesson's 30 + 3 photos take
/// 480 + 1,320 = 1,800 s, the 30 minutes of the walkthrough (and the seed's
/// `BillableTrainingTimeInSeconds`); 100 photos take 74 min 40 s.
/// Billable time is the whole training time, in seconds (the service bills training time only).
public enum TrainingTime {
    /// Setting up before the first photo, in seconds.
    public static let setupSeconds = 480
    /// Time per photo, in seconds.
    public static let secondsPerPhoto = 40
    /// The longest training the service runs (24 hours), in seconds.
    public static let maximumSeconds = 24 * 3600

    /// How long training takes for `photos` photos (training and test), in seconds.
    public static func durationSeconds(photos: Int) -> Int {
        let photos = max(0, photos)
        guard photos < (maximumSeconds - setupSeconds) / secondsPerPhoto else { return maximumSeconds }
        return setupSeconds + secondsPerPhoto * photos
    }

    /// `BillableTrainingTimeInSeconds` for `photos` photos: the whole training time.
    public static func billableSeconds(photos: Int) -> Int {
        durationSeconds(photos: photos)
    }

    /// The new version's name, `<project>.<YYYY-MM-DD>T<HH.MM.SS>`, from the moment training
    /// starts, in UTC; fractions of a second are dropped (10:00:59.9 is 10.00.59).
    public static func versionName(project: String, startedAt date: Date) -> String {
        versionName(project: project, startedAt: date.timeIntervalSince1970)
    }

    /// The same from seconds since 1970.
    public static func versionName(project: String, startedAt seconds: Double) -> String {
        ProjectVersionArn.versionName(project: project, createdAt: seconds.rounded(.down))
    }
}

import CustomLabels
import PanyaSupport

// Messages of the simulator's model building (training, deleting and copying versions).
extension Catalog {
    static func trainingError(_ error: TrainingError) -> Message {
        switch error {
        case .photoChanged(let path):
            return Message(en: "\(path) changed or disappeared since it was added to the dataset. Put it back, or add it again with `dataset add`.",
                           ja: "\(path) はデータセットに追加した後に変更されたか、なくなりました。元に戻すか、`dataset add` で追加し直してください。")
        case .recordedVersion(let arn):
            return Message(en: "\(arn) is a recorded version: panya replays it from mock-responses and cannot delete it. Only versions trained offline (CreateProjectVersion, `train`) can be deleted.",
                           ja: "\(arn) は記録されたバージョンです。panya は mock-responses から再生しているので削除できません。削除できるのはオフラインで学習したバージョン (CreateProjectVersion、`train`) だけです。")
        case .outputBucketMissing(let bucket):
            return Message(en: "The output bucket \(bucket) does not exist; create it first (`aws s3 mb s3://\(bucket)`).",
                           ja: "出力先のバケット \(bucket) がありません。先に作ってください (`aws s3 mb s3://\(bucket)`)。")
        case .invalidText(let reason):
            return reason
        case .versionMadeMeanwhile(let name):
            return Message(en: "Another shell made the version \(name) of this project at the same moment, so this training was not saved. Train again once the clock has moved on, or choose a --version-name.",
                           ja: "同じ時刻に別のシェルがこのプロジェクトのバージョン \(name) を作ったので、この学習は保存されませんでした。時計が進んでからもう一度学習するか、--version-name を指定してください。")
        case .versionExists(let name):
            return Message(en: "The project already has a version named \(name); choose another --version-name.",
                           ja: "このプロジェクトには \(name) という名前のバージョンがもうあります。別の --version-name にしてください。")
        }
    }

    static func trainingWaitStep(arn: String, at time: String, advanced: String) -> Message {
        Message(en: "training \(ProjectVersionArn(arn)?.versionName ?? arn): TRAINING_IN_PROGRESS → TRAINING_COMPLETED at \(time) (+\(advanced))",
                ja: "\(ProjectVersionArn(arn)?.versionName ?? arn) のトレーニング: TRAINING_IN_PROGRESS → TRAINING_COMPLETED (\(time)、+\(advanced))")
    }
}

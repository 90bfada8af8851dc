import PanyaSupport

extension Catalog {
    static func s3PhotoForm(_ photo: String) -> Message {
        Message(en: "Write an S3 photo as s3://BUCKET/KEY (got '\(photo)').", ja: "S3 の写真は s3://バケット/キー の形で書きます ('\(photo)' でした)。")
    }
}

/// panya's version, shown by `--version` and the banner.
public enum PanyaVersion {
    public static let string = "0.1.0"
}

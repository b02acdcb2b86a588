/// Bylaw's version, printed by `bylaw --version` and written into SARIF and JUnit reports.
public enum BylawVersion {
    public static let current = "0.1.0"
}

/// Project-wide constants.
public enum CityWatch {
    public static let version = "0.1.0"
}

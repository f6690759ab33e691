/// Project-wide constants.
package enum CityWatch {
    package static let version = "0.1.0"
}

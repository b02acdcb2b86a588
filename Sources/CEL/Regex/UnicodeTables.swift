/// Simple case-folding orbits (`k`, `K`, `K` Kelvin sign), derived once from the Swift
/// standard library's Unicode case mappings.
enum CaseFolding {
    /// Every cased scalar with the index of its orbit, sorted by scalar.
    private static let table: (scalars: [UInt32], orbitOf: [Int], orbits: [[UInt32]]) = buildTable()

    /// Scalars above this have no case mappings in any Unicode version Swift ships.
    private static let lastCasedScalar: UInt32 = 0x1E943

    /// All members of the orbits of the scalars in `range`, including those scalars.
    static func orbitMembers(in range: ClosedRange<UInt32>) -> [UInt32] {
        let scalars = table.scalars
        var low = 0
        var high = scalars.count
        while low < high {
            let mid = (low + high) / 2
            if scalars[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var result: [UInt32] = []
        var index = low
        while index < scalars.count, scalars[index] <= range.upperBound {
            result.append(contentsOf: table.orbits[table.orbitOf[index]])
            index += 1
        }
        return result
    }

    private static func buildTable() -> (scalars: [UInt32], orbitOf: [Int], orbits: [[UInt32]]) {
        var groups: [UInt32: [UInt32]] = [:]
        for value in 0...lastCasedScalar {
            // The Turkic dotted/dotless i have no simple folding to i/I in Unicode.
            guard value != 0x130, value != 0x131,
                  let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped
            else { continue }
            let upper = single(scalar.properties.uppercaseMapping) ?? scalar
            let key = single(upper.properties.lowercaseMapping) ?? upper
            groups[key.value, default: [key.value]].append(value)
        }
        var entries: [(UInt32, Int)] = []
        var orbits: [[UInt32]] = []
        for members in groups.values {
            let orbit = Array(Set(members)).sorted()
            guard orbit.count > 1 else { continue }
            orbits.append(orbit)
            for member in orbit {
                entries.append((member, orbits.count - 1))
            }
        }
        entries.sort { $0.0 < $1.0 }
        return (entries.map(\.0), entries.map(\.1), orbits)
    }

    private static func single(_ text: String) -> Unicode.Scalar? {
        let scalars = text.unicodeScalars
        guard scalars.count == 1 else { return nil }
        return scalars.first
    }
}

/// Unicode general categories as scalar sets, for `\pL`, `\p{Lu}` and friends.
enum UnicodeCategories {
    /// Runs of consecutive assigned scalars sharing a general category.
    private static let runs: [(range: ClosedRange<UInt32>, category: Unicode.GeneralCategory)] = buildRuns()

    /// The set for a one- or two-letter category name (`L`, `Lu`, `Nd`, ...) or `Any`.
    static func set(named name: String) -> ScalarRangeSet? {
        if name == "Any" {
            return .all
        }
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 2 else { return nil }
        let wanted = runs.filter { run in
            let code = abbreviation(run.category)
            return name.unicodeScalars.count == 1 ? code.unicodeScalars.first == first : code == name
        }
        guard !wanted.isEmpty || validNames.contains(name) else { return nil }
        return ScalarRangeSet(wanted.map(\.range))
    }

    private static let validNames: Set<String> = [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs",
    ]

    private static func buildRuns() -> [(range: ClosedRange<UInt32>, category: Unicode.GeneralCategory)] {
        var result: [(range: ClosedRange<UInt32>, category: Unicode.GeneralCategory)] = []
        var value: UInt32 = 0
        while value <= ScalarRangeSet.maxScalar {
            // Planes 4 to 13 are unassigned; skip them rather than ask about 655,360 scalars.
            if value == 0x40000 {
                value = 0xE0000
            }
            guard let scalar = Unicode.Scalar(value) else {
                value += 1
                continue
            }
            let category = scalar.properties.generalCategory
            if category != .unassigned {
                if let last = result.last, last.category == category, last.range.upperBound + 1 == value {
                    result[result.count - 1].range = last.range.lowerBound...value
                } else {
                    result.append((value...value, category))
                }
            }
            value += 1
        }
        return result
    }

    private static func abbreviation(_ category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: return "Lu"
        case .lowercaseLetter: return "Ll"
        case .titlecaseLetter: return "Lt"
        case .modifierLetter: return "Lm"
        case .otherLetter: return "Lo"
        case .nonspacingMark: return "Mn"
        case .spacingMark: return "Mc"
        case .enclosingMark: return "Me"
        case .decimalNumber: return "Nd"
        case .letterNumber: return "Nl"
        case .otherNumber: return "No"
        case .connectorPunctuation: return "Pc"
        case .dashPunctuation: return "Pd"
        case .openPunctuation: return "Ps"
        case .closePunctuation: return "Pe"
        case .initialPunctuation: return "Pi"
        case .finalPunctuation: return "Pf"
        case .otherPunctuation: return "Po"
        case .mathSymbol: return "Sm"
        case .currencySymbol: return "Sc"
        case .modifierSymbol: return "Sk"
        case .otherSymbol: return "So"
        case .spaceSeparator: return "Zs"
        case .lineSeparator: return "Zl"
        case .paragraphSeparator: return "Zp"
        case .control: return "Cc"
        case .format: return "Cf"
        case .surrogate: return "Cs"
        case .privateUse: return "Co"
        case .unassigned: return "Cn"
        @unknown default: return "Cn"
        }
    }
}

/// RE2's ASCII-only Perl and POSIX classes.
enum ASCIIClasses {
    static let digit = ScalarRangeSet([0x30...0x39])
    static let space = ScalarRangeSet([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
    static let word = ScalarRangeSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

    static func posix(_ name: String) -> ScalarRangeSet? {
        switch name {
        case "alnum": return ScalarRangeSet([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": return ScalarRangeSet([0x41...0x5A, 0x61...0x7A])
        case "ascii": return ScalarRangeSet([0x00...0x7F])
        case "blank": return ScalarRangeSet([0x09...0x09, 0x20...0x20])
        case "cntrl": return ScalarRangeSet([0x00...0x1F, 0x7F...0x7F])
        case "digit": return digit
        case "graph": return ScalarRangeSet([0x21...0x7E])
        case "lower": return ScalarRangeSet([0x61...0x7A])
        case "print": return ScalarRangeSet([0x20...0x7E])
        case "punct": return ScalarRangeSet([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": return ScalarRangeSet([0x09...0x0D, 0x20...0x20])
        case "upper": return ScalarRangeSet([0x41...0x5A])
        case "word": return word
        case "xdigit": return ScalarRangeSet([0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: return nil
        }
    }

    static func isWord(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || value == 0x5F
            || (value >= 0x61 && value <= 0x7A)
    }
}

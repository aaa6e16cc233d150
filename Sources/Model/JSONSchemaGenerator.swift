import Values

/// `topoc schema`: the language as JSON Schema (draft 2020-12), generated from
/// the same key tables the decoder checks against (Schema.swift), so an editor
/// and topoc cannot disagree about which keys exist.
public enum JSONSchemaGenerator {
    public static func render() -> String {
        var defs: [(String, OrderedJSON)] = []
        for section in Schema.sections where section.id != Schema.topLevel.id {
            defs.append((section.id, object(section)))
        }
        var root = object(Schema.topLevel, allowXKeys: true)
        if case .object(var fields) = root {
            fields.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
            fields.insert(("$id", .string("https://topoc.invalid/schema/spec-v1.json")), at: 1)
            fields.insert(("title", .string("topoc topology spec, language version 1")), at: 2)
            fields.append(("$defs", .object(defs)))
            root = .object(fields)
        }
        return root.document(arrays: .stringsInline)
    }

    static func object(_ section: SectionSpec, allowXKeys: Bool = false) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = [
            ("description", .string(section.summary)),
            ("type", .string("object")),
        ]
        var properties: [(String, OrderedJSON)] = []
        for field in section.fields {
            var schema = type(field.type)
            if case .object(var f) = schema {
                f.insert(("description", .string(field.summary)), at: 0)
                if nonEmpty.contains(section.id + "." + field.key) {
                    f.append((isList(field.type) ? "minItems" : "minProperties", .int(1)))
                }
                schema = .object(f)
            }
            properties.append((field.key, schema))
        }
        fields.append(("properties", .object(properties)))
        let required = section.fields.filter { $0.required }.map { OrderedJSON.string($0.key) }
        if !required.isEmpty { fields.append(("required", .array(required))) }
        if allowXKeys { fields.append(("patternProperties", .object([("^x-", .object([]))]))) }
        fields.append(("additionalProperties", .bool(false)))
        fields += crossFieldRules(section)
        return .object(fields)
    }

    static func isList(_ t: FieldType) -> Bool {
        if case .listOf = t { return true }
        return false
    }

    /// Collections the decoder requires to have at least one entry.
    static let nonEmpty: Set<String> = ["topology.hosts", "host.ifaces", "kvdb.members", "kvdb.endpoints"]

    /// What the decoder checks across a section's keys, which the key tables
    /// cannot say: an external kvdb (`endpoints`) takes none of the keys of a
    /// kvdb topoc runs, which needs `run`, `members` and `version`; a container
    /// member needs `image`, a host member takes neither `image` nor `network`;
    /// `userns_remap` needs `subordinate_ids`.
    static func crossFieldRules(_ section: SectionSpec) -> [(String, OrderedJSON)] {
        func forbidden(_ keys: [String]) -> OrderedJSON { .object([("properties", .object(keys.map { ($0, .bool(false)) }))]) }
        func runIs(_ mode: RunMode) -> OrderedJSON {
            .object([("required", .array([.string("run")])), ("properties", .object([("run", .object([("const", .string(mode.rawValue))]))]))])
        }
        switch section.id {
        case Schema.kvdb.id:
            let runOnly = section.keys.filter { !["engine", "version", "endpoints"].contains($0) }
            return [("allOf", .array([
                .object([("if", .object([("required", .array([.string("endpoints")]))])),
                         ("then", forbidden(runOnly)),
                         ("else", .object([("required", .array(["run", "members", "version"].map { .string($0) }))]))]),
                .object([("if", runIs(.container)), ("then", .object([("required", .array([.string("image")]))]))]),
                .object([("if", runIs(.host)), ("then", forbidden(["image", "network"]))]),
            ]))]
        case Schema.docker.id:
            return [("dependentRequired", .object([("userns_remap", .array([.string("subordinate_ids")]))]))]
        default:
            return []
        }
    }

    /// A string matching `regex`. The decoder reads a scalar's text whatever
    /// YAML would type it as, so where the pattern admits digit-only text
    /// (`cluster_id: 20240101`, `ports: [80]`) a YAML integer is valid too.
    static func pattern(_ regex: String) -> OrderedJSON {
        guard admitsDigits(regex) else { return .object([("type", .string("string")), ("pattern", .string(regex))]) }
        return .object([("type", .array([.string("string"), .string("integer")])), ("pattern", .string(regex)), ("minimum", .int(0))])
    }

    /// Property names are always strings in JSON: drop the integer alternative.
    static func propertyName(_ schema: OrderedJSON) -> OrderedJSON {
        guard case .object(let fields) = schema else { return schema }
        return .object(fields.compactMap { field in
            switch field.0 {
            case "type": return ("type", .string("string"))
            case "minimum": return nil
            default: return field
            }
        })
    }

    static func admitsDigits(_ regex: String) -> Bool {
        guard let r = try? Regex(regex) else { return false }
        return ["1", "80", "12345"].contains { (try? r.wholeMatch(in: $0)) != nil }
    }

    /// YAML scalars that the language reads as strings may look like numbers or
    /// booleans to a YAML 1.2 loader (`version: 3.3`), so those are allowed too.
    static func scalarText(_ regex: String?) -> OrderedJSON {
        var f: [(String, OrderedJSON)] = [("type", .array([.string("string"), .string("number"), .string("boolean")]))]
        if let regex { f.append(("pattern", .string(regex))) }
        return .object(f)
    }

    static func type(_ t: FieldType) -> OrderedJSON {
        switch t {
        case .string: return scalarText(nil)
        case .pattern(let regex, _): return pattern(regex)
        case .name: return pattern(Schema.nameRegex)
        case .ifaceName: return pattern("^[A-Za-z0-9._@-]{1,15}$")
        case .integer(let min, let max):
            return .object([("type", .string("integer")), ("minimum", .int(min)), ("maximum", .int(max))])
        case .boolean: return .object([("type", .string("boolean"))])
        case .enumeration(let values): return .object([("enum", .array(values.map { .string($0) }))])
        case .cidr: return pattern("^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)/[0-9]{1,3}$")
        case .ipv4CIDR: return pattern("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$")
        case .ipAddress: return pattern("^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$")
        case .port: return .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(65535))])
        case .absolutePath: return pattern("^/([A-Za-z0-9._+@:=,-]+(/[A-Za-z0-9._+@:=,-]+)*/?)?$")
        case .devicePath: return pattern("^/dev/[A-Za-z0-9._+@:=,-]+(/[A-Za-z0-9._+@:=,-]+)*$")
        case .image: return pattern("^([A-Za-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[A-Za-z][A-Za-z0-9]*([+._-][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$")
        case .url: return pattern("^https?://[^\\s/?#@]+(/[^\\s?#]*)?$")
        case .awsRegion: return pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
        case .version:
            // `version: 3.5` is a YAML float; never a boolean.
            return .object([("type", .array([.string("string"), .string("number")])), ("pattern", .string("^v?[0-9]+(\\.[0-9]+){0,3}$"))])
        case .section(let id): return .object([("$ref", .string("#/$defs/\(id)"))])
        case .mapOf(let key, let value):
            return .object([("type", .string("object")), ("propertyNames", propertyName(type(key))), ("additionalProperties", type(value))])
        case .listOf(let item): return .object([("type", .string("array")), ("items", type(item))])
        case .hostSet:
            return .object([("anyOf", .array([.object([("const", .string("all"))]),
                                              .object([("type", .string("array")), ("items", pattern(Schema.nameRegex))])]))])
        case .oneOf(let types): return .object([("anyOf", .array(types.map(type)))])
        }
    }
}

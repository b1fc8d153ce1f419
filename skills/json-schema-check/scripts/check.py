"""Validates a JSON instance against a JSON Schema, listing every error; JSON in, JSON out."""
import ipaddress
import json
import re
import sys
import uuid
from datetime import date, datetime

FORMATS = {
    "date": lambda v: bool(date.fromisoformat(v)) and len(v) == 10,
    "date-time": lambda v: bool(datetime.fromisoformat(v.replace("Z", "+00:00"))) and "T" in v.upper(),
    "email": lambda v: re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v) is not None,
    "uuid": lambda v: bool(uuid.UUID(v)) and len(v) == 36,
    "ipv4": lambda v: bool(ipaddress.IPv4Address(v)),
    "ipv6": lambda v: bool(ipaddress.IPv6Address(v)),
    "uri": lambda v: re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]*", v) is not None,
}


def type_of(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_type(value, wanted):
    actual = type_of(value)
    return actual == wanted or (wanted == "number" and actual == "integer")


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


class Checker:
    def __init__(self, root):
        self.root = root

    def resolve(self, ref):
        if not ref.startswith("#"):
            raise ValueError("only local $ref is supported: " + ref)
        node = self.root
        for part in [p for p in ref[1:].split("/") if p]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def check(self, schema, value, path):
        if schema is True:
            return []
        if schema is False:
            return [(path, "false", "no value is allowed here")]
        errors = []

        def fail(keyword, message):
            errors.append((path, keyword, message))

        if "$ref" in schema:
            errors += self.check(self.resolve(schema["$ref"]), value, path)
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(is_type(value, t) for t in types):
                fail("type", "expected %s, got %s" % (" or ".join(types), type_of(value)))
        if "enum" in schema and value not in schema["enum"]:
            fail("enum", "must be one of %s" % json.dumps(schema["enum"]))
        if "const" in schema and value != schema["const"]:
            fail("const", "must equal %s" % json.dumps(schema["const"]))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                results = [self.check(s, value, path) for s in schema[keyword]]
                passed = sum(1 for r in results if not r)
                if keyword == "allOf":
                    for r in results:
                        errors += r
                elif keyword == "anyOf" and passed == 0:
                    fail("anyOf", "matches none of the %d alternatives" % len(results))
                elif keyword == "oneOf" and passed != 1:
                    fail("oneOf", "matches %d of the alternatives instead of exactly one" % passed)
        if "not" in schema and not self.check(schema["not"], value, path):
            fail("not", "must not match the schema under 'not'")
        if "if" in schema:
            branch = "then" if not self.check(schema["if"], value, path) else "else"
            if branch in schema:
                errors += self.check(schema[branch], value, path)
        kind = type_of(value)
        if kind in ("integer", "number"):
            errors += self.numbers(schema, value, path)
        elif kind == "string":
            errors += self.strings(schema, value, path)
        elif kind == "array":
            errors += self.arrays(schema, value, path)
        elif kind == "object":
            errors += self.objects(schema, value, path)
        return errors

    def numbers(self, schema, value, path):
        errors = []
        checks = [("minimum", lambda l: value >= l, "at least"),
                  ("maximum", lambda l: value <= l, "at most"),
                  ("exclusiveMinimum", lambda l: value > l, "greater than"),
                  ("exclusiveMaximum", lambda l: value < l, "less than")]
        for keyword, ok, words in checks:
            if keyword in schema and not ok(schema[keyword]):
                errors.append((path, keyword, "must be %s %s" % (words, schema[keyword])))
        if "multipleOf" in schema:
            ratio = value / schema["multipleOf"]
            if abs(ratio - round(ratio)) > 1e-9:
                errors.append((path, "multipleOf", "must be a multiple of %s" % schema["multipleOf"]))
        return errors

    def strings(self, schema, value, path):
        errors = []
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append((path, "minLength", "must be at least %d characters" % schema["minLength"]))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append((path, "maxLength", "must be at most %d characters" % schema["maxLength"]))
        if "pattern" in schema and re.search(schema["pattern"], value) is None:
            errors.append((path, "pattern", "must match %s" % schema["pattern"]))
        check = FORMATS.get(schema.get("format"))
        if check is not None:
            try:
                valid = check(value)
            except ValueError:
                valid = False
            if not valid:
                errors.append((path, "format", "is not a valid %s" % schema["format"]))
        return errors

    def arrays(self, schema, value, path):
        errors = []
        prefix = schema.get("prefixItems", [])
        for index, item in enumerate(value):
            if index < len(prefix):
                errors += self.check(prefix[index], item, path + [index])
            elif "items" in schema:
                errors += self.check(schema["items"], item, path + [index])
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append((path, "minItems", "must have at least %d items" % schema["minItems"]))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append((path, "maxItems", "must have at most %d items" % schema["maxItems"]))
        if schema.get("uniqueItems"):
            seen = [json.dumps(v, sort_keys=True) for v in value]
            if len(seen) != len(set(seen)):
                errors.append((path, "uniqueItems", "items must be unique"))
        if "contains" in schema and not any(
                not self.check(schema["contains"], item, path) for item in value):
            errors.append((path, "contains", "no item matches the schema under 'contains'"))
        return errors

    def objects(self, schema, value, path):
        errors = []
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append((path, "required", "missing required property '%s'" % name))
        for name, dependents in schema.get("dependentRequired", {}).items():
            if name in value:
                for dependent in dependents:
                    if dependent not in value:
                        errors.append((path, "dependentRequired",
                                       "'%s' requires '%s'" % (name, dependent)))
        for name, item in value.items():
            matched = False
            if name in properties:
                matched = True
                errors += self.check(properties[name], item, path + [name])
            for pattern, sub in patterns.items():
                if re.search(pattern, name):
                    matched = True
                    errors += self.check(sub, item, path + [name])
            if not matched and "additionalProperties" in schema:
                extra = schema["additionalProperties"]
                if extra is False:
                    errors.append((path + [name], "additionalProperties",
                                   "property '%s' is not allowed" % name))
                else:
                    errors += self.check(extra, item, path + [name])
            if "propertyNames" in schema:
                errors += self.check(schema["propertyNames"], name, path + [name])
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            errors.append((path, "minProperties", "must have at least %d properties" % schema["minProperties"]))
        if "maxProperties" in schema and len(value) > schema["maxProperties"]:
            errors.append((path, "maxProperties", "must have at most %d properties" % schema["maxProperties"]))
        return errors


def main():
    request = json.load(sys.stdin)
    if "schema" not in request or "instance" not in request:
        sys.exit("input needs 'schema' and 'instance'")
    try:
        found = Checker(request["schema"]).check(request["schema"], request["instance"], [])
    except (KeyError, ValueError, TypeError, re.error) as error:
        print(json.dumps({"error": "unusable schema: %s" % error}))
        sys.exit(2)
    errors = [{"path": pointer(p), "keyword": k, "message": m} for p, k, m in found]
    print(json.dumps({"valid": not errors, "errors": errors}))


if __name__ == "__main__":
    main()

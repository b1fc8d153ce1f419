"""Converts a value between units of one dimension; JSON in on stdin, JSON out."""
import json
import sys

FACTORS = {
    "length": {"m": 1, "km": 1e3, "cm": 1e-2, "mm": 1e-3, "um": 1e-6, "nm": 1e-9,
               "mi": 1609.344, "yd": 0.9144, "ft": 0.3048, "in": 0.0254, "nmi": 1852},
    "mass": {"kg": 1, "g": 1e-3, "mg": 1e-6, "t": 1e3, "lb": 0.45359237,
             "oz": 0.028349523125, "st": 6.35029318},
    "volume": {"l": 1, "ml": 1e-3, "m3": 1e3, "gal": 3.785411784, "qt": 0.946352946,
               "pt": 0.473176473, "cup": 0.2365882365, "floz": 0.0295735295625},
    "area": {"m2": 1, "km2": 1e6, "cm2": 1e-4, "ha": 1e4, "acre": 4046.8564224,
             "ft2": 0.09290304, "in2": 0.00064516, "mi2": 2589988.110336},
    "speed": {"m/s": 1, "km/h": 1 / 3.6, "mph": 0.44704, "kn": 1852 / 3600, "ft/s": 0.3048},
    "time": {"s": 1, "ms": 1e-3, "min": 60, "h": 3600, "d": 86400, "wk": 604800,
             "yr": 31557600},
    "pressure": {"Pa": 1, "kPa": 1e3, "bar": 1e5, "atm": 101325, "psi": 6894.757293168,
                 "mmHg": 133.322387415},
    "energy": {"J": 1, "kJ": 1e3, "cal": 4.184, "kcal": 4184, "Wh": 3600, "kWh": 3.6e6,
               "eV": 1.602176634e-19},
    "data": {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "KiB": 1024,
             "MiB": 1024 ** 2, "GiB": 1024 ** 3, "TiB": 1024 ** 4, "bit": 1 / 8},
}
TEMPERATURE = {"C", "F", "K"}


def dimension_of(unit):
    if unit in TEMPERATURE:
        return "temperature"
    for dimension, units in FACTORS.items():
        if unit in units:
            return dimension
    raise ValueError("unknown unit: " + str(unit))


def to_kelvin(value, unit):
    return {"K": value, "C": value + 273.15, "F": (value - 32) * 5 / 9 + 273.15}[unit]


def from_kelvin(value, unit):
    return {"K": value, "C": value - 273.15, "F": (value - 273.15) * 9 / 5 + 32}[unit]


def convert(value, source, target):
    dimension = dimension_of(source)
    if dimension_of(target) != dimension:
        raise ValueError("cannot convert %s (%s) to %s (%s)"
                         % (source, dimension, target, dimension_of(target)))
    if dimension == "temperature":
        result = from_kelvin(to_kelvin(value, source), target)
    else:
        result = value * FACTORS[dimension][source] / FACTORS[dimension][target]
    return round(result, 12), dimension


def main():
    request = json.load(sys.stdin)
    try:
        value = float(request["value"])
        source, target = request["from"], request["to"]
        if isinstance(target, list):
            results = {unit: convert(value, source, unit)[0] for unit in target}
            print(json.dumps({"value": value, "from": source, "results": results,
                              "dimension": dimension_of(source)}))
        else:
            result, dimension = convert(value, source, target)
            print(json.dumps({"value": result, "from": source, "to": target,
                              "dimension": dimension}))
    except (KeyError, TypeError, ValueError) as error:
        print(json.dumps({"error": str(error)}))
        sys.exit(2)


if __name__ == "__main__":
    main()

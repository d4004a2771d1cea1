"""A language's plural rule, as CLDR writes it, evaluated for a count.

The rule comes as data (forms/definitions/locales.json, made by scripts/build/locale_data.py from
the language's CLDR data): a list of [category, condition] pairs, each condition a small tree,
  ["or", a, b]   ["and", a, b]   ["not", a]
  ["in" | "within", expression, [[low, high], ...]]   (a relation: the value in one range)
  ["mod", expression, number]   [operand]   (operand one of n i v w f t c e)
The first pair whose condition holds gives the category; none gives "other".
"""


def operands(number) -> dict:
    """CLDR's operands of a number (plural rules, UTS #35): n its absolute value, i its integer
    digits, v and w the count of its visible fraction digits with and without trailing zeros,
    f and t those digits, c and e the exponent (none here)."""
    text = str(number).lstrip("-")  # "3", "2.5", "1.50" (a count written with its decimals)
    whole, _, fraction = text.partition(".")
    trimmed = fraction.rstrip("0")
    return {
        "n": float(text) if trimmed else int(whole),
        "i": int(whole),
        "v": len(fraction),
        "w": len(trimmed),
        "f": int(fraction or 0),
        "t": int(trimmed or 0),
        "c": 0,
        "e": 0,
    }


def _value(expression, values: dict):
    if expression[0] == "mod":
        return _value(expression[1], values) % expression[2]
    return values[expression[0]]


def _holds(condition, values: dict) -> bool:
    kind = condition[0]
    if kind == "or":
        return _holds(condition[1], values) or _holds(condition[2], values)
    if kind == "and":
        return _holds(condition[1], values) and _holds(condition[2], values)
    if kind == "not":
        return not _holds(condition[1], values)
    value = _value(condition[1], values)
    if kind == "in":  # whole numbers only: 2.5 is not "in 1..3"
        return value == int(value) and any(low <= value <= high for low, high in condition[2])
    if kind == "within":
        return any(low <= value <= high for low, high in condition[2])
    raise ValueError(f"unknown plural condition {kind!r}")


def category(number, rule: list) -> str:
    """The plural category of a number ("one", "few", "other" …) under a language's rule."""
    values = operands(number)
    for name, condition in rule:
        if _holds(condition, values):
            return name
    return "other"

// CEL: a native Swift implementation of the Common Expression Language.

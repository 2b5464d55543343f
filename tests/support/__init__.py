"""What the tests share: fixtures' helpers, GraphQL helpers, graph factories. Test modules import
from here (and from `tests.conftest`'s fixtures by name), never from each other."""

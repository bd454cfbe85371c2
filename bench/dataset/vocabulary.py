"""The fixed vocabulary of the benchmark graph: names, sizes, weights and the moments it spans.

The demo's own lists (`cdp.demo_data`) give cities, sources, products, channels and the
distributions; the names here are many more than the demo's, so that the benchmark's full-text
searches find realistic numbers of customers.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import accumulate

from cdp.demo_data import _MONTH_WEIGHT, _STATUS_WEIGHTS, EPOCH

# "Now" for the generated history: after every generated event.
AS_OF = EPOCH + timedelta(days=730)
MINUTE_MS = 60_000
DAY_MS = 1440 * MINUTE_MS
EPOCH_MS = int(EPOCH.timestamp()) * 1000
AS_OF_MS = int(AS_OF.timestamp()) * 1000
EXTERNAL_SYSTEM = "bench"
EMPLOYEES = 40
PRODUCTS = 60

# Common given names and surnames of the countries the demo's cities are in; surnames are drawn
# with a long-tailed frequency, as in a real population, so a surname search can find thousands.
FIRST_NAMES = (
    "Anna", "Maria", "Elena", "Sofia", "Laura", "Julia", "Sarah", "Emma", "Olivia", "Mia",
    "Noa", "Yael", "Tamar", "Maya", "Ilze", "Liga", "Kristine", "Agnese", "Ieva", "Kadri",
    "Chloe", "Camille", "Giulia", "Francesca", "Hannah", "Lena", "Katrin", "Ruth", "Grace",
    "Alice", "David", "Daniel", "Michael", "Thomas", "Peter", "Andreas", "Markus", "Lukas",
    "Jonas", "Janis", "Andris", "Martins", "Juris", "Tomas", "Mantas", "Marko", "Avi", "Omer",
    "Yosef", "Itai", "Eitan", "Lucas", "Hugo", "Louis", "Marco", "Luca", "Matteo", "Paul",
    "James", "John", "Robert", "William", "Henry", "Oliver",
)  # fmt: skip
LAST_NAMES = (
    "Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Avraham", "Dahan", "Katz",
    "Azoulay", "Berzins", "Kalnins", "Ozols", "Jansons", "Liepins", "Krumins", "Balodis",
    "Petersons", "Vitols", "Zarins", "Kazlauskas", "Jankauskas", "Petrauskas", "Tamm", "Saar",
    "Sepp", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Hoffmann", "Schulz", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
    "Petit", "Durand", "Leroy", "Moreau", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
    "Romano", "Colombo", "Ricci", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
    "Davis", "Wilson", "Taylor", "Anderson",
)  # fmt: skip
LAST_CUMULATIVE = list(accumulate(1 / (rank + 4) for rank in range(len(LAST_NAMES))))
STAGES = ("LEAD", "PROSPECT", "CUSTOMER", "FORMER")
STAGE_CUMULATIVE = list(accumulate((12, 15, 63, 10)))
STATUSES = [status for status, _ in _STATUS_WEIGHTS]
STATUS_CUMULATIVE = list(accumulate(weight for _, weight in _STATUS_WEIGHTS))
MONTHS = range(1, 13)
MONTH_CUMULATIVE = list(accumulate(_MONTH_WEIGHT))

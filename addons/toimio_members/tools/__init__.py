from . import figures, integrity, periods, portal

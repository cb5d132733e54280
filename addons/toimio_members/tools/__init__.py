from . import figures, integrity, portal

from . import figures, integrity

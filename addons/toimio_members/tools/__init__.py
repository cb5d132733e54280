from . import integrity

from . import test_shift_rules

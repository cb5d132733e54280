from . import test_shift_rules
from . import test_shift_recording
from . import test_shift_invoicing

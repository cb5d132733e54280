from . import toimio_shift_absence_wizard
from . import toimio_shift_repeat_wizard
from . import toimio_shift_copy_week_wizard
from . import toimio_holiday_wizard

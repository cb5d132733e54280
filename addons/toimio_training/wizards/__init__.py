from . import toimio_coaching_plan_close_wizard

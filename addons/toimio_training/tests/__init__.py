from . import test_coaching_plan
from . import test_competences
from . import test_course
from . import test_self_assessment
from . import test_training_security
from . import test_portal_plan
from . import test_coaching_onchange
from . import test_coach_across_companies
from . import test_concurrency

from . import test_training_managed

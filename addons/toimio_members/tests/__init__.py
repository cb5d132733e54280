from . import test_engagement
from . import test_target_group
from . import test_members_security
from . import test_members_jsonrpc
from . import test_special_data_erasure
from . import test_engagement_esf

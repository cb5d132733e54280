from . import participation

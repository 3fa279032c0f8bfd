import { describeFuzz } from './fuzz-service';

describeFuzz('donors');

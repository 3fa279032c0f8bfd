import { describeFuzz } from './fuzz-service';

describeFuzz('reporting');

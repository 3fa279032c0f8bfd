import { describeFuzz } from './fuzz-service';

describeFuzz('inventory');

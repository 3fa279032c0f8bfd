import { describeFuzz } from './fuzz-service';

describeFuzz('beneficiaries');

import { PledgeLinesDto } from '../record-pledge/record-pledge.dto';

/** The lines to change, by item: a listed item already on the pledge gets the new quantity (and value, if sent); a new item is added. */
export class AmendPledgeDto extends PledgeLinesDto {}

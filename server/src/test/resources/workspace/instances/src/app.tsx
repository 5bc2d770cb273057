import { UserService } from './service';
import { Card } from './Card';

const service = new UserService(new Map());
const user = service.load(1)!;
export const page = <Card user={user} title="Profile" />;
export const label = user.name.toUpperCase();

export interface User { id: number; name: string }

export class UserService {
  constructor(private readonly users: Map<number, User>) {}
  /** Finds a user by id. */
  load(id: number): User | undefined { return this.users.get(id); }
}

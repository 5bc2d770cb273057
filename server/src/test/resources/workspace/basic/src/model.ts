export interface User {
  name: string;
}

export function getUserName(user: User): string {
  return user.name;
}

export default class Store {}

export const MAX_USERS = 10;

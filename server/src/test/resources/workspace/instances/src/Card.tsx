import type { User } from './service';

export interface CardProps { user: User; title: string }

export function Card({ user, title }: CardProps) {
  return <section><h1>{title}</h1>{user.name}</section>;
}

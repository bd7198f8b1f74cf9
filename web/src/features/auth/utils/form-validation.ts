export const validEmail = (email: string) => /^\S+@\S+\.\S+$/.test(email.trim());

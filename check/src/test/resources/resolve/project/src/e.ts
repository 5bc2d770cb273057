export default 1;
export const ee = 2;

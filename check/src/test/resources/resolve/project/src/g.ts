const g = 1;

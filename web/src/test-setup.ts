import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; react-router 7 uses them at import time.
Object.assign(globalThis, { TextEncoder, TextDecoder });

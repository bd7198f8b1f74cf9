import { BrowserRouter } from 'react-router';
import { ToastProvider } from '../components/toast';
import { AppRoutes } from './router';

export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <AppRoutes />
      </ToastProvider>
    </BrowserRouter>
  );
}

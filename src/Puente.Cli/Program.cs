Console.WriteLine("puente");
